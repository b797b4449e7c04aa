-- Ballot stuffing (issue 14, item 8). A participant's votes count as trusted only once the
-- participant has proven a real browser (a proof of work) or is a signed-in account; anonymous
-- participants are issued at a bounded rate per client address and per network.
--
-- proof: how the participant was proven (POW = proof of work solved by their browser, ACCOUNT =
-- a signed-in account, GENERATED = made by the server itself (demo data, replay), LEGACY = created
-- before proofs existed, whose votes were already counted as trusted); null = not proven yet.
-- address_key / network_key: keyed hashes (HMAC with the consultation secret) of the client address
-- and of its network (/24 in IPv4, /64 in IPv6 by default) the participant was issued from: enough
-- to count issues per address and network and to find bursts, without keeping the address itself.
-- wide_network_key: the same for the wide network (/16 in IPv4, /48 in IPv6 by default: what one
-- holder of many addresses, an IPv6 site say, controls), limited and searched for bursts too.
-- proof_max_number: the difficulty of this participant's proof of work, set at issue (it grows with
-- the participants issued from the same wide network just before); null = the base difficulty.
alter table consultation_participant
    add column proof        varchar(10) check (proof in ('POW', 'ACCOUNT', 'GENERATED', 'LEGACY')),
    add column proven_at    timestamptz,
    add column address_key  varchar(44),
    add column network_key  varchar(44),
    add column wide_network_key varchar(44),
    add column proof_max_number bigint check (proof_max_number > 0),
    add constraint consultation_participant_proven_check check ((proof is null) = (proven_at is null));

update consultation_participant set proof = 'LEGACY', proven_at = created_at;

create index consultation_participant_network_idx
    on consultation_participant (consultation_id, network_key, created_at) where network_key is not null;
create index consultation_participant_wide_network_idx
    on consultation_participant (consultation_id, wide_network_key, created_at) where wide_network_key is not null;

-- UNPROVEN: a vote with a valid signed key from a participant not proven yet: counted in ALL only
-- (like TROLL) until the participant's proof, which turns their UNPROVEN votes into TRUSTED ones
-- (moving the counters).
alter table consultation_vote drop constraint consultation_vote_trust_check;
alter table consultation_vote add constraint consultation_vote_trust_check
    check (trust in ('TROLL', 'UNPROVEN', 'TRUSTED'));
