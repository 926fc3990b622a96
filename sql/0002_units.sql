-- The 553 election-commission offices: KPU RI -> 38 provinces -> 514 kabupaten/kota.
--
-- units.id is the unit's PRE-ORDER position in the tree (KPU RI = 1, then province 1 and its
-- kabupaten/kota, then province 2, ...) and subtree_end is the largest id in its subtree, so
-- "U or below" is `unit_id BETWEEN U.id AND U.subtree_end`: one range test whose cost does not
-- grow with the size of the scope, and which a btree index on any unit_id column can serve.
-- Ancestors are at most two ids (parent, grandparent), found through parent_id.
-- The ids are assigned by seed/01_units.sql (generated from the wilayah list); `code` is the
-- stable, human-typed key (CLI, API, imports).
CREATE TABLE humas.units (
    id          int  PRIMARY KEY,
    parent_id   int  REFERENCES humas.units (id),
    subtree_end int  NOT NULL,
    code        text NOT NULL CONSTRAINT units_code_key UNIQUE,
    name        text NOT NULL,
    region_name text NOT NULL,
    level       text NOT NULL,
    time_zone   text NOT NULL,
    capital     text,
    CONSTRAINT units_level_check CHECK (level IN ('national', 'province', 'regency', 'city')),
    CONSTRAINT units_time_zone_check CHECK (time_zone IN ('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura')),
    CONSTRAINT units_code_format_check CHECK (code ~ '^ID(-[A-Z0-9]+)*$'),
    CONSTRAINT units_subtree_check CHECK (subtree_end >= id),
    -- The national office is the only root; everything else hangs below a smaller pre-order id.
    CONSTRAINT units_parent_check CHECK ((level = 'national') = (parent_id IS NULL) AND (parent_id IS NULL OR parent_id < id))
);
CREATE INDEX units_parent_id_idx ON humas.units (parent_id);

ALTER TABLE humas.units ENABLE ROW LEVEL SECURITY;
ALTER TABLE humas.units FORCE ROW LEVEL SECURITY;
-- The owner (migrations, seed, SECURITY DEFINER functions) sees and writes everything.
CREATE POLICY units_owner_all ON humas.units TO humas_owner USING (true) WITH CHECK (true);
-- humas_app's read policy needs the acting-user helpers: see 0004_access_scope.sql.
-- The tree is reference data: humas_app may read it, never change it.
GRANT SELECT ON humas.units TO humas_app;
