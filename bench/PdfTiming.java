import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import fr.passerelle.measures.MeasureStatus;
import fr.passerelle.measures.Measures;
import fr.passerelle.measures.ReportKind;
import fr.passerelle.measures.ReportStatus;
import fr.passerelle.measures.Reports;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Timing of the report PDF (template reports/pdf, the text of bench/MeasuresLoad.java's reports)
 * rendered by fr.passerelle.documents.PdfDocuments, without the application or its database:
 * single thread (wall-clock ms per document after warm-up, and the rendering thread's CPU ms, which
 * the machine's other load disturbs less), then the same renders from several threads (documents
 * per second). With "plain" the same HTML is also rendered by openhtmltopdf without
 * PDF/A (the built-in Helvetica, nothing embedded): the floor of what fonts can cost. Run by
 * bench/pdf.sh; arguments: renders per measure (default 200), threads (default 4), "plain".
 */
public class PdfTiming {

    private static final String REPORT_BODY = """
            Madame, Monsieur le Procureur de la République,

            Par décision de votre parquet, notre service a été saisi de la mesure citée en référence. La personne a été \
            convoquée dans les délais et s’est présentée au premier entretien, accompagnée de son conseil.

            Situation personnelle : la personne vit seule dans un logement personnel, après une période d’hébergement \
            chez un tiers. Elle est suivie par un travailleur social du département et perçoit des ressources modestes.

            Situation professionnelle : après une période sans emploi, elle a signé un contrat à durée déterminée dans \
            la logistique. Elle se dit motivée et a produit ses fiches de paie des trois derniers mois.

            Respect des obligations : les rendez-vous ont été honorés, à une exception près, excusée par un justificatif \
            médical. Les justificatifs de soins ont été remis régulièrement.

            Évaluation : l’intervenante relève une prise de conscience progressive des faits et de leurs conséquences \
            pour la victime, ainsi qu’une stabilisation de la situation sociale.

            Proposition : au vu de ces éléments, le service propose de considérer la mesure comme exécutée et reste à \
            votre disposition pour tout complément d’information.
            """;

    public static void main(String[] args) throws Exception {
        int renders = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        boolean plain = Arrays.asList(args).contains("plain");
        // Without the application's logging configuration, Logback would print every DEBUG line.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.ERROR);

        SpringTemplateEngine engine = engine();
        Constructor<?> constructor = Class.forName("fr.passerelle.documents.PdfDocuments")
                .getDeclaredConstructor(SpringTemplateEngine.class);
        constructor.setAccessible(true);
        long c0 = System.nanoTime();
        Object documents = constructor.newInstance(engine);
        double constructMs = (System.nanoTime() - c0) / 1e6;
        Method render = documents.getClass().getMethod("render", String.class, Map.class);
        Map<String, Object> variables = variables();

        long f0 = System.nanoTime();
        byte[] first = (byte[]) render.invoke(documents, "reports/pdf", variables);
        double firstMs = (System.nanoTime() - f0) / 1e6;
        line("construct_ms", constructMs, "ms");
        line("first_render_ms", firstMs, "ms");
        line("size_bytes", first.length, "bytes");

        Job pdfA = () -> render.invoke(documents, "reports/pdf", variables);
        single("pdfa", pdfA, renders);
        concurrent("pdfa", pdfA, renders, threads);

        if (plain) {
            Context context = new Context(Locale.FRENCH);
            variables.forEach(context::setVariable);
            String html = engine.process("reports/pdf", context);
            Job builtIn = () -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                PdfRendererBuilder builder = new PdfRendererBuilder();
                builder.useFastMode();
                builder.withHtmlContent(html, null);
                builder.toStream(out);
                builder.run();
                return out.toByteArray();
            };
            single("plain", builtIn, renders);
            concurrent("plain", builtIn, renders, threads);
        }
    }

    interface Job {
        Object run() throws Exception;
    }

    private static void single(String name, Job job, int renders) throws Exception {
        for (int i = 0; i < Math.max(20, renders / 4); i++) { // warm-up
            job.run();
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long[] ns = new long[renders];
        long cpuNs = 0;
        for (int i = 0; i < renders; i++) {
            long c0 = cpu.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            job.run();
            ns[i] = System.nanoTime() - t0;
            cpuNs += cpu.getCurrentThreadCpuTime() - c0;
        }
        long total = Arrays.stream(ns).sum();
        Arrays.sort(ns);
        line(name + "_single_mean_ms", total / 1e6 / renders, "ms");
        line(name + "_single_p50_ms", ns[renders / 2] / 1e6, "ms");
        line(name + "_single_p95_ms", ns[(int) Math.ceil(renders * 0.95) - 1] / 1e6, "ms");
        line(name + "_single_cpu_ms", cpuNs / 1e6 / renders, "ms");
    }

    private static void concurrent(String name, Job job, int renders, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Object>> warm = new ArrayList<>();
            for (int i = 0; i < threads * 5; i++) {
                warm.add(pool.submit(job::run));
            }
            for (Future<Object> f : warm) {
                f.get();
            }
            long t0 = System.nanoTime();
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < renders; i++) {
                futures.add(pool.submit(job::run));
            }
            for (Future<Object> f : futures) {
                f.get();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            line(name + "_threads" + threads + "_docs_per_s", renders / seconds, "docs/s");
        } finally {
            pool.shutdown();
        }
    }

    private static SpringTemplateEngine engine() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(messages);
        return engine;
    }

    private static Map<String, Object> variables() {
        UUID measureId = UUID.randomUUID();
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        Reports.Report report = new Reports.Report(UUID.randomUUID(), measureId, ReportKind.FINAL, ReportStatus.VALIDATED,
                null, null, REPORT_BODY, 3, List.of(new Reports.Version(3, now, "Élodie Ménard")), null, null,
                "Élodie Ménard", "Jérôme Barthélemy", now);
        Measures.Measure measure = new Measures.Measure(measureId, "M-2026-000123", UUID.randomUUID(),
                "Aïcha Öztürk", "Stage de citoyenneté", "Tribunal judiciaire de Saint-Étienne", "PARQUET",
                "Mme Lévêque", "26.123.4567", null, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 9, 2),
                MeasureStatus.values()[0], null, UUID.randomUUID(), "Élodie Ménard", null, "F-123", null);
        Map<String, Object> variables = new HashMap<>();
        variables.put("report", report);
        variables.put("measure", measure);
        variables.put("association", "Association d’aide aux victimes et de médiation — Loire");
        variables.put("paragraphs", Arrays.stream(REPORT_BODY.split("\\R\\s*\\R")).map(String::strip)
                .filter(p -> !p.isEmpty()).toList());
        variables.put("today", LocalDate.of(2026, 12, 7));
        variables.put("birthDate", LocalDate.of(1987, 4, 4));
        variables.put("validatedOn", LocalDate.of(2026, 12, 1));
        return variables;
    }

    private static void line(String metric, double value, String unit) {
        System.out.printf(Locale.ROOT, "bench=pdf metric=%s value=%.1f unit=%s%n", metric, value, unit);
    }
}
