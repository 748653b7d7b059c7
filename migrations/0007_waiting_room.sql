ALTER TABLE `classes` ADD `admit` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `students` ADD `admitted` integer DEFAULT true NOT NULL;--> statement-breakpoint
-- Written by hand below this line: classes.seats counts the students who play, so a student
-- waiting to be let in counts once admitted, not when they join.
DROP TRIGGER `classes_seats_on_join`;--> statement-breakpoint
DROP TRIGGER `classes_seats_on_leave`;--> statement-breakpoint
CREATE TRIGGER `classes_seats_on_join` AFTER INSERT ON `students`
WHEN new.admitted
BEGIN
  UPDATE `classes` SET `seats` = `seats` + 1 WHERE `id` = new.class_id;
END;--> statement-breakpoint
CREATE TRIGGER `classes_seats_on_admit` AFTER UPDATE OF `admitted` ON `students`
WHEN new.admitted AND NOT old.admitted
BEGIN
  UPDATE `classes` SET `seats` = `seats` + 1 WHERE `id` = new.class_id;
END;--> statement-breakpoint
CREATE TRIGGER `classes_seats_on_leave` AFTER DELETE ON `students`
WHEN old.admitted
BEGIN
  UPDATE `classes` SET `seats` = `seats` - 1 WHERE `id` = old.class_id;
END;
