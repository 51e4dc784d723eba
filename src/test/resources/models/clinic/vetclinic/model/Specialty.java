package vetclinic.model;

public enum Specialty {
    GENERAL, SURGERY, DENTISTRY, DERMATOLOGY, EXOTICS
}
