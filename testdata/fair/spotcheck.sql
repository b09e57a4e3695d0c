-- A second, cruder check of expected_tally.json with the sqlite3 tool alone,
-- on spellings that are plain ASCII (SQLite's lower() folds only ASCII):
--   sqlite3 :memory: < testdata/fair/spotcheck.sql     (from the repository root)
CREATE TABLE rows(response_id, created_at, event, age_group, neighbourhood, wish, category);
.import --csv --skip 1 testdata/fair/fair.csv rows
.mode list
SELECT 'responses', event, count(DISTINCT response_id) FROM rows GROUP BY event;
SELECT 'Centrs', event, count(DISTINCT response_id) FROM rows WHERE lower(neighbourhood) = 'centrs' GROUP BY event;
SELECT 'bike paths', event, count(DISTINCT response_id) FROM rows WHERE lower(rtrim(wish, '!')) = 'bike paths' GROUP BY event;
SELECT 'bike paths spellings', event, wish, count(*) FROM rows WHERE lower(rtrim(wish, '!')) = 'bike paths' GROUP BY event, wish;
SELECT 'bike paths categories', event, category, count(*) FROM rows WHERE lower(rtrim(wish, '!')) = 'bike paths' AND category <> '' GROUP BY event, category;
SELECT 'Kalkuni rows', count(*) FROM rows WHERE neighbourhood LIKE 'Kalk%';
