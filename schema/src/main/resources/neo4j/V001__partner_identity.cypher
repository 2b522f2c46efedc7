// Every partner is known by its business number (e.g. P-0000001); the number is unique
// and the key of every lookup from the API, the UI and the other store.
CREATE CONSTRAINT partner_number_unique IF NOT EXISTS
FOR (p:Partner) REQUIRE p.number IS UNIQUE;
