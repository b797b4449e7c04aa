package fr.passerelle.network.map;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.network.ReceivedActivity;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.MessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.ui.ExtendedModelMap;

/** A received-activity layer that cannot be read leaves the map of the offer working, without the layer. */
@PasserelleIntegrationTest
class ReceivedActivityFailureTest {

    @Autowired OfferMap offerMap;
    @Autowired MapProperties properties;
    @Autowired MessageSource messages;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aFailingLayerLeavesTheOfferShownWithoutIt() {
        ReceivedActivity failing = type -> {
            throw new IllegalStateException("observatory unavailable");
        };
        MapController controller = new MapController(offerMap, properties, messages,
                new StaticListableBeanFactory(Map.of("failing", failing)).getBeanProvider(ReceivedActivity.class));
        SignedIn.as(users, "equipe.federale");

        MapController.MapData data = controller.data("MJIE", Locale.FRENCH, new MockHttpServletRequest());
        assertThat(data.received()).isEmpty();
        assertThat(data.receivedType()).isNull();
        assertThat(data.courts()).isNotEmpty();
        assertThat(data.zonesBlanches()).containsKey("MJIE");

        ExtendedModelMap model = new ExtendedModelMap();
        assertThat(controller.map("", "MJIE", "", HtmxRequest.empty(), model)).isEqualTo("network/map");
        assertThat(model.get("received")).isNull();
        assertThat((java.util.List<?>) model.get("zones")).isNotEmpty();
        assertThat(model.get("selectedType")).isNotNull();
    }
}
