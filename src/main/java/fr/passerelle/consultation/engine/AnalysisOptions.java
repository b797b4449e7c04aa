package fr.passerelle.consultation.engine;

/**
 * The settings of the analysis; {@link #DEFAULTS} holds the specified values.
 *
 * @param minVotes a participant is clustered once they voted on at least min(minVotes, proposals)
 * @param minGroups smallest k tried
 * @param maxGroups largest k tried (the reference systems stop at 5; Passerelle looks further)
 * @param fitSample k-means runs on at most this many participants (drawn with the seed); every
 *     participant then joins the nearest centre
 * @param silhouetteSample at most this many points enter the silhouette (O(n²))
 * @param representativesPerGroup how many representative proposals are kept per group
 * @param seed seeds the PCA start block, k-means++ and the silhouette sample
 */
public record AnalysisOptions(int minVotes, int minGroups, int maxGroups, int fitSample, int silhouetteSample,
        int representativesPerGroup, long seed) {

    public static final AnalysisOptions DEFAULTS = new AnalysisOptions(7, 2, 8, 5_000, 2_000, 5, 20_261_123L);

    public AnalysisOptions withSeed(long newSeed) {
        return new AnalysisOptions(minVotes, minGroups, maxGroups, fitSample, silhouetteSample, representativesPerGroup, newSeed);
    }
}
