package fr.passerelle.identity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.shared.FieldRefusal;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void acceptsAPasswordOfTwelveVariedCharacters() {
        assertThatCode(() -> PasswordPolicy.check("password", "Vert-Soleil-42", "camille")).doesNotThrowAnyException();
    }

    @Test
    void refusesElevenCharacters() {
        assertThatThrownBy(() -> PasswordPolicy.check("password", "Abcdefgh-12", "camille"))
                .isInstanceOf(FieldRefusal.class)
                .hasFieldOrPropertyWithValue("messageKey", "password.tooShort");
    }

    @Test
    void countsCharactersNotBytes() {
        assertThatCode(() -> PasswordPolicy.check("password", "éèàùçôîêâëïü", "camille")).doesNotThrowAnyException();
    }

    @Test
    void refusesAPasswordContainingTheLoginName() {
        assertThatThrownBy(() -> PasswordPolicy.check("password", "xx-Camille-2026", "camille"))
                .hasFieldOrPropertyWithValue("messageKey", "password.containsUsername");
    }

    @Test
    void refusesRepeatedCharacters() {
        assertThatThrownBy(() -> PasswordPolicy.check("password", "aaaaaaaaaaaaab", "camille"))
                .hasFieldOrPropertyWithValue("messageKey", "password.tooSimple");
    }

    @Test
    void refusesAbsurdlyLongPasswords() {
        assertThatThrownBy(() -> PasswordPolicy.check("password", "Ab1-".repeat(40), "camille"))
                .hasFieldOrPropertyWithValue("messageKey", "password.tooLong");
    }

    @Test
    void refusesACommonPasswordWhateverItsCase() {
        for (String common : new String[] {"qwertyuiop123", "Password1234", "AZERTYUIOP123"}) {
            assertThatThrownBy(() -> PasswordPolicy.check("password", common, "camille")).as(common)
                    .hasFieldOrPropertyWithValue("messageKey", "password.common");
        }
    }

    @Test
    void refusesACommonPasswordFollowedOnlyByDigitsAndPunctuation() {
        for (String common : new String[] {"Sunshine1990!!", "motdepasse2026!", "Football-2024"}) {
            assertThatThrownBy(() -> PasswordPolicy.check("password", common, "camille")).as(common)
                    .hasFieldOrPropertyWithValue("messageKey", "password.common");
        }
    }

    @Test
    void acceptsAPasswordThatOnlyContainsACommonWordAmongOthers() {
        assertThatCode(() -> PasswordPolicy.check("password", "Sunshine-Verger-Rouge", "camille")).doesNotThrowAnyException();
    }
}
