package fr.passerelle.observatory;

import fr.passerelle.observatory.suppression.CellKeyPerturbation;
import fr.passerelle.programmes.ProgrammeNetwork;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The prevention programmes of the whole network for the federation: by sheet and département, how
 * many programmes (running, finished) — organisations' programmes are not personal data — and their
 * beneficiaries' counts through the cell-key perturbation of the national observatory (ADR 0009):
 * admitted, minors, exits, positive exits, each a cell of its own whose noise is fixed by the
 * records it counts; a count below the threshold is not shown. The attendance rate of a line is
 * shown only where its admitted count is. Each sheet has a total line over its départements, perturbed
 * on its own.
 */
@Service
public class NationalProgrammes {

    private final ProgrammeNetwork network;
    private final CellKeyPerturbation perturbation = new CellKeyPerturbation();

    NationalProgrammes(ProgrammeNetwork network) {
        this.network = network;
    }

    /** A published line: null counts are hidden. */
    public record Line(String sheetCode, String sheetTitle, String departementCode, boolean total, int programmes,
            int finished, Long admitted, Long minors, Long exits, Long positiveExits, BigDecimal assiduity) {}

    public List<Line> lines() {
        Map<String, List<ProgrammeNetwork.Row>> bySheet = new LinkedHashMap<>();
        for (ProgrammeNetwork.Row row : network.rows()) {
            bySheet.computeIfAbsent(row.sheetCode(), k -> new ArrayList<>()).add(row);
        }
        List<Line> lines = new ArrayList<>();
        bySheet.forEach((code, rows) -> {
            Map<String, List<ProgrammeNetwork.Row>> byDepartement = new LinkedHashMap<>();
            rows.forEach(r -> byDepartement.computeIfAbsent(r.departementCode() == null ? "—" : r.departementCode(),
                    k -> new ArrayList<>()).add(r));
            byDepartement.forEach((departement, group) -> lines.add(line(group, departement, false)));
            if (byDepartement.size() > 1) {
                lines.add(line(rows, null, true));
            }
        });
        return lines;
    }

    private Line line(List<ProgrammeNetwork.Row> rows, String departement, boolean total) {
        long admitted = 0, admittedKeys = 0, minors = 0, minorsKeys = 0, exits = 0, exitsKeys = 0, positive = 0,
                positiveKeys = 0, expected = 0, present = 0;
        int finished = 0;
        for (ProgrammeNetwork.Row r : rows) {
            admitted += r.admitted();
            admittedKeys += r.admittedKeys();
            minors += r.minors();
            minorsKeys += r.minorsKeys();
            exits += r.exits();
            exitsKeys += r.exitsKeys();
            positive += r.positiveExits();
            positiveKeys += r.positiveKeys();
            expected += r.expected();
            present += r.present();
            finished += r.finished() ? 1 : 0;
        }
        Long shownAdmitted = publish(admitted, admittedKeys);
        BigDecimal assiduity = shownAdmitted == null || expected == 0 ? null
                : BigDecimal.valueOf(present * 100L).divide(BigDecimal.valueOf(expected), 0, RoundingMode.HALF_UP);
        ProgrammeNetwork.Row first = rows.get(0);
        return new Line(first.sheetCode(), first.sheetTitle(), departement, total, rows.size(), finished, shownAdmitted,
                publish(minors, minorsKeys), publish(exits, exitsKeys), publish(positive, positiveKeys), assiduity);
    }

    private Long publish(long count, long keys) {
        return perturbation.publish(count, CellKeyPerturbation.cellKey(keys));
    }
}
