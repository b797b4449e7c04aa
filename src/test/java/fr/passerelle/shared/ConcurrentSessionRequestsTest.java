package fr.passerelle.shared;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.web.WebClient;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Requests of one session served at the same time each write the session (here the request saved
 * before the sign-in page): the attribute they all add is written once and updated, never
 * inserted twice.
 */
@PasserelleIntegrationTest
class ConcurrentSessionRequestsTest {

    private static final int PARALLEL = 20;

    @LocalServerPort
    int port;

    @Test
    void parallelRequestsOfOneSessionThatAllAddTheSameAttributeAllSucceed() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            for (int round = 0; round < 5; round++) {
                WebClient session = new WebClient(port);
                assertThat(session.get("/login").headers().firstValue("Set-Cookie")).hasValueSatisfying(
                        cookie -> assertThat(cookie).startsWith("PASSERELLE_SESSION="));
                List<Callable<Integer>> requests = IntStream.range(0, PARALLEL)
                        .<Callable<Integer>>mapToObj(i -> () -> session.get("/persons?q=" + i).statusCode())
                        .toList();
                List<Integer> statuses = pool.invokeAll(requests).stream().map(ConcurrentSessionRequestsTest::result).toList();
                assertThat(statuses).as("round %d", round).containsOnly(302);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Integer result(Future<Integer> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
