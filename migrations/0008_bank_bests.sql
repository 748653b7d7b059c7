CREATE TABLE `bank_bests` (
	`bank_id` text NOT NULL,
	`owner_hash` text NOT NULL,
	`attempt_id` text NOT NULL,
	`score` integer NOT NULL,
	`correct` integer NOT NULL,
	`time_ms` integer NOT NULL,
	`nickname` text,
	`nickname_key` text,
	PRIMARY KEY(`bank_id`, `owner_hash`)
);
--> statement-breakpoint
CREATE INDEX `bank_bests_rank_idx` ON `bank_bests` (`bank_id`,"score" desc,`time_ms`);--> statement-breakpoint
CREATE UNIQUE INDEX `bank_bests_name_uq` ON `bank_bests` (`bank_id`,`nickname_key`) WHERE nickname_key is not null;--> statement-breakpoint
DROP INDEX `attempts_bank_rank_idx`;--> statement-breakpoint
-- Written by hand below this line: drizzle-kit does not generate triggers. A bank's board now
-- holds each browser once, at its best, so bank_bests replaces attempts as what bank_totals and
-- bank_score_bands count. Nothing changes a finished attempt's score, bank or class.
DROP TRIGGER `bank_totals_on_insert`;--> statement-breakpoint
DROP TRIGGER `bank_totals_on_finish`;--> statement-breakpoint
DROP TRIGGER `bank_totals_on_delete`;--> statement-breakpoint
DROP TRIGGER `bank_score_bands_on_insert`;--> statement-breakpoint
DROP TRIGGER `bank_score_bands_on_finish`;--> statement-breakpoint
DROP TRIGGER `bank_score_bands_on_delete`;--> statement-breakpoint
-- Each browser's best so far (more points, then less time), under the name it last gave the bank.
INSERT INTO `bank_bests` (`bank_id`, `owner_hash`, `attempt_id`, `score`, `correct`, `time_ms`, `nickname`)
SELECT `bank_id`, `owner_hash`, `id`, `score`, `correct`, `time_ms`, `named` FROM (
  SELECT `bank_id`, `owner_hash`, `id`, `score`, `correct`, `time_ms`,
    row_number() OVER (PARTITION BY `bank_id`, `owner_hash` ORDER BY `score` DESC, `time_ms`, `rowid`) AS `n`,
    first_value(`nickname`) OVER (PARTITION BY `bank_id`, `owner_hash` ORDER BY `nickname` IS NULL, `finished_at` DESC) AS `named`
  FROM `attempts` WHERE `finished_at` IS NOT NULL AND `class_id` IS NULL
) WHERE `n` = 1;--> statement-breakpoint
DELETE FROM `bank_totals`;--> statement-breakpoint
INSERT INTO `bank_totals` (`bank_id`, `finished`) SELECT `bank_id`, count(*) FROM `bank_bests` GROUP BY `bank_id`;--> statement-breakpoint
DELETE FROM `bank_score_bands`;--> statement-breakpoint
INSERT INTO `bank_score_bands` (`bank_id`, `band`, `players`)
  SELECT `bank_id`, `score` / 100, count(*) FROM `bank_bests` GROUP BY `bank_id`, `score` / 100;--> statement-breakpoint
-- A solo attempt finished (or inserted finished) becomes its browser's best if it beats it.
CREATE TRIGGER `bank_bests_on_insert` AFTER INSERT ON `attempts`
WHEN new.finished_at IS NOT NULL AND new.class_id IS NULL
BEGIN
  INSERT INTO `bank_bests` (`bank_id`, `owner_hash`, `attempt_id`, `score`, `correct`, `time_ms`, `nickname`)
    VALUES (new.bank_id, new.owner_hash, new.id, new.score, new.correct, new.time_ms, new.nickname)
    ON CONFLICT (`bank_id`, `owner_hash`) DO UPDATE SET `attempt_id` = excluded.attempt_id, `score` = excluded.score, `correct` = excluded.correct, `time_ms` = excluded.time_ms
    WHERE excluded.score > `bank_bests`.`score` OR (excluded.score = `bank_bests`.`score` AND excluded.time_ms < `bank_bests`.`time_ms`);
END;--> statement-breakpoint
CREATE TRIGGER `bank_bests_on_finish` AFTER UPDATE OF `finished_at` ON `attempts`
WHEN old.finished_at IS NULL AND new.finished_at IS NOT NULL AND new.class_id IS NULL
BEGIN
  INSERT INTO `bank_bests` (`bank_id`, `owner_hash`, `attempt_id`, `score`, `correct`, `time_ms`, `nickname`)
    VALUES (new.bank_id, new.owner_hash, new.id, new.score, new.correct, new.time_ms, new.nickname)
    ON CONFLICT (`bank_id`, `owner_hash`) DO UPDATE SET `attempt_id` = excluded.attempt_id, `score` = excluded.score, `correct` = excluded.correct, `time_ms` = excluded.time_ms
    WHERE excluded.score > `bank_bests`.`score` OR (excluded.score = `bank_bests`.`score` AND excluded.time_ms < `bank_bests`.`time_ms`);
END;--> statement-breakpoint
-- A best deleted gives way to the browser's next best, if it has another.
CREATE TRIGGER `bank_bests_on_delete` AFTER DELETE ON `attempts`
WHEN old.finished_at IS NOT NULL AND old.class_id IS NULL
BEGIN
  DELETE FROM `bank_bests` WHERE `bank_id` = old.bank_id AND `owner_hash` = old.owner_hash AND `attempt_id` = old.id;
  INSERT OR IGNORE INTO `bank_bests` (`bank_id`, `owner_hash`, `attempt_id`, `score`, `correct`, `time_ms`, `nickname`)
    SELECT `bank_id`, `owner_hash`, `id`, `score`, `correct`, `time_ms`, `nickname` FROM `attempts`
    WHERE `bank_id` = old.bank_id AND `owner_hash` = old.owner_hash AND `finished_at` IS NOT NULL AND `class_id` IS NULL
    ORDER BY `score` DESC, `time_ms` LIMIT 1;
END;--> statement-breakpoint
-- bank_totals and bank_score_bands count the bests.
CREATE TRIGGER `bank_counts_on_best` AFTER INSERT ON `bank_bests`
BEGIN
  INSERT INTO `bank_totals` (`bank_id`, `finished`) VALUES (new.bank_id, 1)
    ON CONFLICT (`bank_id`) DO UPDATE SET `finished` = `finished` + 1;
  INSERT INTO `bank_score_bands` (`bank_id`, `band`, `players`) VALUES (new.bank_id, new.score / 100, 1)
    ON CONFLICT (`bank_id`, `band`) DO UPDATE SET `players` = `players` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `bank_counts_on_better` AFTER UPDATE OF `score` ON `bank_bests`
WHEN new.score / 100 <> old.score / 100
BEGIN
  UPDATE `bank_score_bands` SET `players` = `players` - 1 WHERE `bank_id` = old.bank_id AND `band` = old.score / 100;
  INSERT INTO `bank_score_bands` (`bank_id`, `band`, `players`) VALUES (new.bank_id, new.score / 100, 1)
    ON CONFLICT (`bank_id`, `band`) DO UPDATE SET `players` = `players` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `bank_counts_on_gone` AFTER DELETE ON `bank_bests`
BEGIN
  UPDATE `bank_totals` SET `finished` = `finished` - 1 WHERE `bank_id` = old.bank_id;
  UPDATE `bank_score_bands` SET `players` = `players` - 1 WHERE `bank_id` = old.bank_id AND `band` = old.score / 100;
END;
