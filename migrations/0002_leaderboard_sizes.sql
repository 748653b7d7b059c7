CREATE TABLE `bank_totals` (
	`bank_id` text PRIMARY KEY NOT NULL,
	`finished` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
DROP INDEX `attempts_owner_idx`;--> statement-breakpoint
CREATE INDEX `attempts_owner_best_idx` ON `attempts` (`owner_hash`,`bank_id`,"score" desc,`time_ms`) WHERE finished_at is not null and class_id is null;--> statement-breakpoint
ALTER TABLE `classes` ADD `seats` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Written by hand below this line: drizzle-kit does not generate triggers. They keep
-- bank_totals and classes.seats exact through every insert, delete and finishing update.
-- Nothing ever changes an attempt's bank or class, or unfinishes it; a writer that did would
-- need a trigger for it here.
CREATE TRIGGER `bank_totals_on_insert` AFTER INSERT ON `attempts`
WHEN new.finished_at IS NOT NULL AND new.class_id IS NULL
BEGIN
  INSERT INTO `bank_totals` (`bank_id`, `finished`) VALUES (new.bank_id, 1)
    ON CONFLICT (`bank_id`) DO UPDATE SET `finished` = `finished` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `bank_totals_on_finish` AFTER UPDATE OF `finished_at` ON `attempts`
WHEN old.finished_at IS NULL AND new.finished_at IS NOT NULL AND new.class_id IS NULL
BEGIN
  INSERT INTO `bank_totals` (`bank_id`, `finished`) VALUES (new.bank_id, 1)
    ON CONFLICT (`bank_id`) DO UPDATE SET `finished` = `finished` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `bank_totals_on_delete` AFTER DELETE ON `attempts`
WHEN old.finished_at IS NOT NULL AND old.class_id IS NULL
BEGIN
  UPDATE `bank_totals` SET `finished` = `finished` - 1 WHERE `bank_id` = old.bank_id;
END;--> statement-breakpoint
CREATE TRIGGER `classes_seats_on_join` AFTER INSERT ON `students`
BEGIN
  UPDATE `classes` SET `seats` = `seats` + 1 WHERE `id` = new.class_id;
END;--> statement-breakpoint
CREATE TRIGGER `classes_seats_on_leave` AFTER DELETE ON `students`
BEGIN
  UPDATE `classes` SET `seats` = `seats` - 1 WHERE `id` = old.class_id;
END;--> statement-breakpoint
INSERT INTO `bank_totals` (`bank_id`, `finished`)
  SELECT `bank_id`, count(*) FROM `attempts` WHERE `finished_at` IS NOT NULL AND `class_id` IS NULL GROUP BY `bank_id`;--> statement-breakpoint
UPDATE `classes` SET `seats` = (SELECT count(*) FROM `students` WHERE `students`.`class_id` = `classes`.`id`);
