CREATE TABLE `bank_score_bands` (
	`bank_id` text NOT NULL,
	`band` integer NOT NULL,
	`players` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`bank_id`, `band`)
);
--> statement-breakpoint
-- Written by hand below this line, like 0002's: triggers keep bank_score_bands exact through
-- every insert, delete and finishing update of a solo attempt (band = score / 100). Nothing
-- changes a finished attempt's score, bank or class.
CREATE TRIGGER `bank_score_bands_on_insert` AFTER INSERT ON `attempts`
WHEN new.finished_at IS NOT NULL AND new.class_id IS NULL
BEGIN
  INSERT INTO `bank_score_bands` (`bank_id`, `band`, `players`) VALUES (new.bank_id, new.score / 100, 1)
    ON CONFLICT (`bank_id`, `band`) DO UPDATE SET `players` = `players` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `bank_score_bands_on_finish` AFTER UPDATE OF `finished_at` ON `attempts`
WHEN old.finished_at IS NULL AND new.finished_at IS NOT NULL AND new.class_id IS NULL
BEGIN
  INSERT INTO `bank_score_bands` (`bank_id`, `band`, `players`) VALUES (new.bank_id, new.score / 100, 1)
    ON CONFLICT (`bank_id`, `band`) DO UPDATE SET `players` = `players` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `bank_score_bands_on_delete` AFTER DELETE ON `attempts`
WHEN old.finished_at IS NOT NULL AND old.class_id IS NULL
BEGIN
  UPDATE `bank_score_bands` SET `players` = `players` - 1 WHERE `bank_id` = old.bank_id AND `band` = old.score / 100;
END;--> statement-breakpoint
INSERT INTO `bank_score_bands` (`bank_id`, `band`, `players`)
  SELECT `bank_id`, `score` / 100, count(*) FROM `attempts`
  WHERE `finished_at` IS NOT NULL AND `class_id` IS NULL GROUP BY `bank_id`, `score` / 100;
