-- Imports: an uploaded spreadsheet is received, kept and read the same way whatever list it holds. A
-- job now says which list it is for: a caseload (the imports pages) or the partner directory (whose
-- import reads the file through the imports module's API). The caseload pages list and open only
-- caseload jobs.
alter table import_job
    add column purpose varchar(20) not null default 'CASELOAD' check (purpose in ('CASELOAD', 'PARTNERS'));
