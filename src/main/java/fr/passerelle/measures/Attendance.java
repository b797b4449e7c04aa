package fr.passerelle.measures;

/** Whether the person came to an appointment. */
public enum Attendance {
    PRESENT,
    LATE,
    EXCUSED_ABSENCE,
    UNEXCUSED_ABSENCE;

    /** The interview took place (the person came, even late). */
    public boolean held() {
        return this == PRESENT || this == LATE;
    }
}
