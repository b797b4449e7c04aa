package fr.passerelle.shared;

import java.util.Locale;

/** Checks of the secrets an installation configures. */
public final class ConfiguredSecrets {

    /** How the placeholders of the deployment guide (docs/deploy.md) start. */
    static final String PLACEHOLDER = "change-me";

    private ConfiguredSecrets() {}

    /**
     * Refuses to start with a placeholder copied from the deployment guide ("change-me…"): it is
     * public, so it would protect nothing.
     *
     * @param property the configuration property, e.g. {@code passerelle.observatory.cell-key-secret}
     * @param environmentVariable the environment variable that sets it
     * @param value the configured value (null or blank: not set, not checked here)
     */
    public static void refusePlaceholder(String property, String environmentVariable, String value) {
        if (value != null && value.strip().toLowerCase(Locale.ROOT).startsWith(PLACEHOLDER)) {
            throw new IllegalStateException(environmentVariable + " (" + property + ") is still the placeholder of"
                    + " the deployment guide (\"" + PLACEHOLDER + "…\"), which anyone can read: set a long random"
                    + " value of your own (for example the output of `openssl rand -base64 32`).");
        }
    }
}
