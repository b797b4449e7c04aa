package fr.passerelle.network;

/**
 * The SIRET number of an establishment: fourteen digits whose Luhn sum is a multiple of ten (the
 * SIREN, its first nine digits, follows the same rule). La Poste's establishments (SIREN 356000000)
 * are numbered outside it: the sum of their digits is a multiple of five.
 */
public final class Siret {

    private static final String LA_POSTE = "356000000";

    private Siret() {}

    /** Whether a SIRET (fourteen digits, nothing else) is well formed. */
    public static boolean valid(String siret) {
        if (siret == null || !siret.matches("[0-9]{14}")) {
            return false;
        }
        if (siret.startsWith(LA_POSTE) && !siret.equals("35600000000048")) {
            return siret.chars().map(c -> c - '0').sum() % 5 == 0;
        }
        int sum = 0;
        for (int i = 0; i < 14; i++) {
            int digit = siret.charAt(13 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
