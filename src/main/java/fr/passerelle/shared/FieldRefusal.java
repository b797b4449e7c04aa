package fr.passerelle.shared;

/** A refused input value: names the form field at fault and the message key explaining why. */
public class FieldRefusal extends BusinessException {

    private final String field;

    public FieldRefusal(String field, String messageKey, Object... arguments) {
        super(400, messageKey, arguments);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** Refuses a text longer than {@code max} characters once trimmed ({@code input.tooLong}); null passes. */
    public static void requireAtMost(String field, String value, int max) {
        if (value != null && value.trim().length() > max) {
            throw new FieldRefusal(field, "input.tooLong", max);
        }
    }
}
