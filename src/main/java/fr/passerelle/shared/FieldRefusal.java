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
}
