package vetclinic.model;

public enum AppointmentStatus {
    BOOKED, CHECKED_IN, DONE, CANCELLED, NO_SHOW
}
