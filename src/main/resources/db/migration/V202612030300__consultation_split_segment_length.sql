-- A choice answer (up to 120 characters) is a split segment's key: the segment columns were
-- 80 characters long, so an analysis with a long choice answered by five voters or more failed.
alter table consultation_analysis_split alter column segment type varchar(120);
alter table consultation_analysis_split_segment alter column segment type varchar(120);
