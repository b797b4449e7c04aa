-- A refused proposal is rephrased at most once (its author's new proposal points to it); the
-- index also finds the rephrasing of a refused proposal for "my proposals".
create unique index consultation_proposal_rephrases_idx on consultation_proposal (rephrases) where rephrases is not null;
