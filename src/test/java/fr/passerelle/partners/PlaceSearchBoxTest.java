package fr.passerelle.partners;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The box that bounds a distance search holds every point of the circle it stands for. */
class PlaceSearchBoxTest {

    @Test
    void holdsEveryPointAtTheSearchedDistanceInEveryDirection() {
        double[][] points = {{45.75, 4.84}, {48.86, 2.35}, {-21.1, 55.5}, {64.1, -21.9}, {0, 0}};
        for (double[] point : points) {
            for (int km : new int[] {1, 10, 80, 500}) {
                double[] box = PlaceSearch.box(point, km);
                for (int bearing = 0; bearing < 360; bearing += 5) {
                    double[] edge = destination(point, km * 0.9999, bearing);
                    assertThat(edge[0]).as("latitude at %d km, %d°", km, bearing).isBetween(box[0], box[1]);
                    assertThat(edge[1]).as("longitude at %d km, %d°", km, bearing).isBetween(box[2], box[3]);
                }
            }
        }
    }

    @Test
    void isNarrowerThanTheWholeMapSoThatItPrunesSites() {
        double[] box = PlaceSearch.box(new double[] {45.75, 4.84}, 40);
        assertThat(box[1] - box[0]).isLessThan(0.75);
        assertThat(box[3] - box[2]).isLessThan(1.05);
    }

    @Test
    void dropsTheLongitudeBoundsNearAPole() {
        double[] box = PlaceSearch.box(new double[] {89.9, 10}, 100);
        assertThat(box[2]).isNaN();
        assertThat(box[3]).isNaN();
    }

    /** The point {@code km} from {@code from} along {@code bearing}, on the sphere of radius 6,371 km. */
    private static double[] destination(double[] from, double km, double bearing) {
        double d = km / 6371.0;
        double lat = Math.toRadians(from[0]);
        double lon = Math.toRadians(from[1]);
        double b = Math.toRadians(bearing);
        double lat2 = Math.asin(Math.sin(lat) * Math.cos(d) + Math.cos(lat) * Math.sin(d) * Math.cos(b));
        double lon2 = lon + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(lat), Math.cos(d) - Math.sin(lat) * Math.sin(lat2));
        return new double[] {Math.toDegrees(lat2), Math.toDegrees(lon2)};
    }
}
