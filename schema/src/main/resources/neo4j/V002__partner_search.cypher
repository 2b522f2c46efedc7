// Full-text search over the fields staff and leaders search partners by.
CREATE FULLTEXT INDEX partner_search IF NOT EXISTS
FOR (p:Partner) ON EACH [p.number, p.firstName, p.lastName, p.email, p.city]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words' } };
