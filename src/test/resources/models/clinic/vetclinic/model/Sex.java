package vetclinic.model;

public enum Sex {
    FEMALE, MALE, UNKNOWN
}
