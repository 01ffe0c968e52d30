-- Who asked for the meeting (the young person, or a parent for them) and the child's age band,
-- which decides the team in some areas (Kent: 13 and over, Adolescent Early Help; 12 and under,
-- Intensive Early Help). Never a name; null for bookings made before these were kept.
alter table booking add column if not exists asked_by text check (asked_by in ('youngPerson', 'parent'));
alter table booking add column if not exists age_band text check (age_band in ('12orUnder', '13orOver'));
