package fr.passerelle.consultation;

import java.util.List;
import java.util.Locale;

/**
 * The language of a participant's mails, among those the message files speak: recorded (as a
 * language code) from the request's locale when the participant gives an address, and turned back
 * into the locale the mail's subject and body are read from ({@code messages.getMessage(key,
 * args, locale)}, as every module builds its mails). French is the default, for anything else.
 */
final class MailLanguage {

    /** The languages of the message files; the first is the default. */
    static final List<Locale> SUPPORTED = List.of(Locale.FRENCH, Locale.ENGLISH);

    private MailLanguage() {}

    /** The code to record for a request's locale: a supported language, else French. */
    static String of(Locale locale) {
        return locale(locale == null ? null : locale.getLanguage()).getLanguage();
    }

    /** The locale of a recorded code: a supported language, else French. */
    static Locale locale(String code) {
        for (Locale supported : SUPPORTED) {
            if (supported.getLanguage().equalsIgnoreCase(code)) {
                return supported;
            }
        }
        return SUPPORTED.get(0);
    }
}
