-- Profile splits per profile question (professionals vs citizens, département, any choice
-- question), no longer only by the segment-defining answer. Segments answered by fewer than five
-- voters are merged into one "others" segment (or left out) before they are stored, so that
-- nobody's votes can be read from a small segment.
--
-- The splits stored so far were by the segment answer only, without that rule: they are derived
-- data, dropped here, and the next run of the analysis computes them again.
delete from consultation_analysis_split;
alter table consultation_analysis_split drop constraint consultation_analysis_split_pkey;
alter table consultation_analysis_split add column question_code varchar(40) not null;
alter table consultation_analysis_split add primary key (analysis_id, question_code, segment, proposal_id);

-- The segments of each profile question an analysis shows, with their number of voters.
create table consultation_analysis_split_segment (
    organisation_id  uuid          not null references organisation (id),
    analysis_id      uuid          not null references consultation_analysis (id) on delete cascade,
    question_code    varchar(40)   not null,
    segment          varchar(80)   not null,
    participants     int           not null check (participants > 0),
    primary key (analysis_id, question_code, segment)
);
alter table consultation_analysis_split_segment enable row level security;
create policy tenant_isolation on consultation_analysis_split_segment
    using (organisation_id = current_organisation_id())
    with check (organisation_id = current_organisation_id());
