DROP INDEX `attempts_class_rank_idx`;--> statement-breakpoint
ALTER TABLE `attempts` ADD `round` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE INDEX `attempts_class_round_rank_idx` ON `attempts` (`class_id`,`round`,"score" desc,`time_ms`) WHERE class_id is not null;--> statement-breakpoint
ALTER TABLE `classes` ADD `round` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `students` ADD `past_score` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `students` ADD `past_correct` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `students` ADD `past_answered` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `students` ADD `past_time_ms` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Written by hand below this line: drizzle-kit does not generate triggers. A new round moves every
-- seat to a new attempt in one batch (src/db/rounds.ts); these keep the rounds apart at the edges
-- that batch cannot reach. A seat taken by a join that read the class just before a new round
-- began would sit in a round already over: refused, and the student joins again.
CREATE TRIGGER `attempts_not_in_past_round` BEFORE INSERT ON `attempts`
WHEN new.class_id IS NOT NULL AND new.round < (SELECT `round` FROM `classes` WHERE `id` = new.class_id)
BEGIN
  SELECT RAISE(ABORT, 'round already over');
END;--> statement-breakpoint
-- An answer to a round already over (a page left open, a post in flight as the round changed) is
-- not stored, so it can never change a round's totals once they have been added to the seat's.
CREATE TRIGGER `answers_not_in_past_round` BEFORE INSERT ON `answers`
WHEN (SELECT `attempts`.`round` < `classes`.`round` FROM `attempts` JOIN `classes` ON `classes`.`id` = `attempts`.`class_id`
  WHERE `attempts`.`id` = new.attempt_id)
BEGIN
  SELECT RAISE(IGNORE);
END;
