-- Consultation results as one moment (issue 15, items 15 and 16).
--
-- consultation_analysis_consensus, per proposal of an analysis:
-- weakest_group_agreement: the smallest smoothed share of agree votes, (agree + 1)/(seen + 2),
-- among the opinion groups that voted on the proposal (null: none did, or an analysis made before
-- this column): a consensus needs it above one half.
-- verified / sequence: the proposal's VERIFIED and SEQUENCE counters when the analysis was stored
-- (agree, disagree, neutral, then the nine qualifications in the order of the counter table), so
-- that published results show the scores of that moment; null: no vote counted yet.
alter table consultation_analysis_consensus
    add column weakest_group_agreement double precision,
    add column verified bigint[],
    add column sequence bigint[];

-- consultation, once its results are published: the analysis run at publication (what the public
-- results page shows, with its time) and the public counters at that moment (proven participants,
-- proposals, trusted votes).
alter table consultation
    add column published_analysis_id uuid references consultation_analysis (id) on delete set null,
    add column results_participants bigint,
    add column results_proposals bigint,
    add column results_votes bigint;
