-- migrate-watch migration
-- revision: 25df9677783c
-- parents: af723e90bb26
-- description: one check constraint per column, as Hibernate 7 writes it
-- created: 2026-12-06T01:55:58Z
-- generated: auto

-- +up
ALTER TABLE "review" DROP CONSTRAINT "review_rating_check1";

ALTER TABLE "review" DROP CONSTRAINT "review_rating_check";

ALTER TABLE "review" ADD CONSTRAINT "review_rating_check" CHECK (("rating" >= 1) and ("rating" <= 5));

-- +down
ALTER TABLE "review" DROP CONSTRAINT "review_rating_check";

ALTER TABLE "review" ADD CONSTRAINT "review_rating_check" CHECK ((rating >= 1));

ALTER TABLE "review" ADD CONSTRAINT "review_rating_check1" CHECK ((rating <= 5));
