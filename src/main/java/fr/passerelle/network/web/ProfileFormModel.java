package fr.passerelle.network.web;

import fr.passerelle.network.Courts;
import fr.passerelle.network.Directory;
import fr.passerelle.network.MainField;
import java.text.Collator;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the profile's fields (network/profile/fields) need: main fields, courts by cour d'appel, activities. */
@Component
class ProfileFormModel {

    private final Directory directory;
    private final Courts courts;

    ProfileFormModel(Directory directory, Courts courts) {
        this.directory = directory;
        this.courts = courts;
    }

    /** The tribunaux judiciaires of one cour d'appel, and how many of them the form ticks. */
    record CourtGroup(String name, List<Courts.JudicialCourt> courts, long ticked) {}

    void fill(ProfileForm form, Model model) {
        model.addAttribute("fields", MainField.values());
        Map<String, List<Courts.JudicialCourt>> byCourtOfAppeal = courts.judicialCourts("", "").stream()
                .sorted(Comparator.comparing(Courts.JudicialCourt::courtOfAppealName, Collator.getInstance(Locale.FRENCH))
                        .thenComparing(Courts.JudicialCourt::seatCity, Collator.getInstance(Locale.FRENCH)))
                .collect(Collectors.groupingBy(Courts.JudicialCourt::courtOfAppealName, LinkedHashMap::new,
                        Collectors.toList()));
        model.addAttribute("courtGroups", byCourtOfAppeal.entrySet().stream()
                .map(e -> new CourtGroup(e.getKey(), e.getValue(),
                        e.getValue().stream().filter(c -> form.getCourts().contains(c.code())).count()))
                .toList());
        model.addAttribute("activityGroups", directory.catalogue().stream()
                .collect(Collectors.groupingBy(Directory.Activity::field, LinkedHashMap::new, Collectors.toList())));
    }
}
