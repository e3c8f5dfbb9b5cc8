-- The linker's rules the stored links were made under (src/domain/identity/linkingRules.ts): links
-- made under other rules are not restored but relinked from the systems.
ALTER TABLE register_version ADD COLUMN linking_rules text;
