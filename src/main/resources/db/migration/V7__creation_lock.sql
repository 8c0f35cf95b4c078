-- Rows that serialise the creation of rows whose absence cannot be locked. Two transactions that
-- both find a row missing and both insert it collide on its key: the loser fails (and Hibernate
-- logs the violation as an ERROR though it is handled). Locking one of these rows first
-- (SELECT ... FOR UPDATE) makes the second wait, then find the first's row: two instances seeding
-- one empty database at once, or two first requests of one user creating its device policy.
CREATE TABLE creation_lock (
    name VARCHAR(32) NOT NULL PRIMARY KEY
);
INSERT INTO creation_lock (name) VALUES ('demo-seed');
INSERT INTO creation_lock (name) VALUES ('device-policy');
