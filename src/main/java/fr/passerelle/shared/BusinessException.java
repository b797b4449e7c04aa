package fr.passerelle.shared;

/**
 * A refusal the user can understand: carries a message key (and arguments) resolved in the
 * user's language, and the HTTP status the refusal maps to.
 */
public class BusinessException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;
    private final int status;

    public BusinessException(int status, String messageKey, Object... arguments) {
        super(messageKey);
        this.status = status;
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    public static BusinessException notFound() {
        return new BusinessException(404, "error.notFound");
    }

    public static BusinessException conflict(String messageKey, Object... arguments) {
        return new BusinessException(409, messageKey, arguments);
    }

    public static BusinessException invalid(String messageKey, Object... arguments) {
        return new BusinessException(400, messageKey, arguments);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments;
    }

    public int status() {
        return status;
    }
}
