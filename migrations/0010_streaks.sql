ALTER TABLE `attempts` ADD `streak` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `attempts` ADD `streak_end` integer DEFAULT -1 NOT NULL;--> statement-breakpoint
-- Written by hand below this line: the totals trigger of 0006, now also keeping each attempt's
-- streak, the run of right answers ending at the last position answered. A right answer to the
-- position after the last one answered lengthens the run; a right answer after a gap (a live
-- question missed) starts a new run; anything less than right ends it. Attempts under way when
-- this runs start counting at their next answer.
DROP TRIGGER `answers_add_to_totals`;--> statement-breakpoint
CREATE TRIGGER `answers_add_to_totals` AFTER INSERT ON `answers`
BEGIN
  UPDATE `attempts` SET
    `answered` = `answered` + 1,
    `score` = `score` + new.points,
    `correct` = `correct` + (new.credit = 1),
    `time_ms` = `time_ms` + new.time_ms,
    `too_fast` = `too_fast` + new.too_fast,
    `streak` = CASE WHEN new.credit < 1 THEN 0 WHEN `streak_end` = new.position - 1 THEN `streak` + 1 ELSE 1 END,
    `streak_end` = new.position
  WHERE `id` = new.attempt_id;
END;
