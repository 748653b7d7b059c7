-- Written by hand: drizzle-kit does not generate triggers. An attempt's totals are the sums of
-- its answers, so the one place that adds an answer to them is here, run by every insert into
-- answers: self-paced and live play record answers the same way, and a repeated answer (the
-- insert's ON CONFLICT DO NOTHING) fires nothing, so it can never count twice. Answers are only
-- removed with their attempt, so no delete trigger is needed.
CREATE TRIGGER `answers_add_to_totals` AFTER INSERT ON `answers`
BEGIN
  UPDATE `attempts` SET
    `answered` = `answered` + 1,
    `score` = `score` + new.points,
    `correct` = `correct` + (new.credit = 1),
    `time_ms` = `time_ms` + new.time_ms
  WHERE `id` = new.attempt_id;
END;
