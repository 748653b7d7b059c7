ALTER TABLE `answers` ADD `too_fast` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `attempts` ADD `too_fast` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Written by hand below this line: the totals trigger of 0005, now also counting answers given
-- faster than anyone can read the question.
DROP TRIGGER `answers_add_to_totals`;--> statement-breakpoint
CREATE TRIGGER `answers_add_to_totals` AFTER INSERT ON `answers`
BEGIN
  UPDATE `attempts` SET
    `answered` = `answered` + 1,
    `score` = `score` + new.points,
    `correct` = `correct` + (new.credit = 1),
    `time_ms` = `time_ms` + new.time_ms,
    `too_fast` = `too_fast` + new.too_fast
  WHERE `id` = new.attempt_id;
END;
