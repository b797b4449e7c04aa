package fr.passerelle.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.partners.ReferralStatus.Action;
import fr.passerelle.shared.BusinessException;
import org.junit.jupiter.api.Test;

/** The state machine of a referral, on its own. */
class ReferralStatusTest {

    @Test
    void followsSentAcceptedEntered() {
        ReferralStatus status = ReferralStatus.SENT.after(Action.ACCEPT);
        assertThat(status).isEqualTo(ReferralStatus.ACCEPTED);
        assertThat(status.after(Action.ENTER)).isEqualTo(ReferralStatus.ENTERED);
    }

    @Test
    void aSentReferralIsRefusedOrLeftWithoutAnswer() {
        assertThat(ReferralStatus.SENT.after(Action.REFUSE)).isEqualTo(ReferralStatus.REFUSED);
        assertThat(ReferralStatus.SENT.after(Action.NO_ANSWER)).isEqualTo(ReferralStatus.NO_ANSWER);
    }

    @Test
    void aLateAnswerStillCountsAfterNoAnswer() {
        assertThat(ReferralStatus.NO_ANSWER.after(Action.ACCEPT)).isEqualTo(ReferralStatus.ACCEPTED);
        assertThat(ReferralStatus.NO_ANSWER.after(Action.REFUSE)).isEqualTo(ReferralStatus.REFUSED);
    }

    @Test
    void refusesWhatTheStatusDoesNotAllowWithAMessageNamingActionAndStatus() {
        assertThatThrownBy(() -> ReferralStatus.SENT.after(Action.ENTER))
                .isInstanceOf(BusinessException.class)
                .hasFieldOrPropertyWithValue("messageKey", "referral.transition.refused")
                .hasFieldOrPropertyWithValue("status", 409);
        assertThatThrownBy(() -> ReferralStatus.NO_ANSWER.after(Action.ENTER))
                .hasFieldOrPropertyWithValue("messageKey", "referral.transition.refused");
        assertThatThrownBy(() -> ReferralStatus.NO_ANSWER.after(Action.NO_ANSWER))
                .hasFieldOrPropertyWithValue("messageKey", "referral.transition.refused");
        assertThatThrownBy(() -> ReferralStatus.ACCEPTED.after(Action.REFUSE))
                .hasFieldOrPropertyWithValue("messageKey", "referral.transition.refused");
    }

    @Test
    void theEndsAllowNothingMore() {
        assertThat(ReferralStatus.REFUSED.actions()).isEmpty();
        assertThat(ReferralStatus.ENTERED.actions()).isEmpty();
        for (Action action : Action.values()) {
            assertThatThrownBy(() -> ReferralStatus.ENTERED.after(action)).isInstanceOf(BusinessException.class);
            assertThatThrownBy(() -> ReferralStatus.REFUSED.after(action)).isInstanceOf(BusinessException.class);
        }
    }

    @Test
    void onlyARealAnswerCountsAsAnswered() {
        assertThat(ReferralStatus.ACCEPTED.answered()).isTrue();
        assertThat(ReferralStatus.REFUSED.answered()).isTrue();
        assertThat(ReferralStatus.ENTERED.answered()).isTrue();
        assertThat(ReferralStatus.SENT.answered()).isFalse();
        assertThat(ReferralStatus.NO_ANSWER.answered()).isFalse();
    }
}
