CREATE TABLE `class_blocks` (
	`class_id` text NOT NULL,
	`owner_hash` text NOT NULL,
	PRIMARY KEY(`class_id`, `owner_hash`),
	FOREIGN KEY (`class_id`) REFERENCES `classes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `classes` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`board_id` text NOT NULL,
	`teacher_hash` text NOT NULL,
	`name` text NOT NULL,
	`bank_ids` text NOT NULL,
	`question_ids` text NOT NULL,
	`scoring` text NOT NULL,
	`naming` text NOT NULL,
	`open` integer DEFAULT true NOT NULL,
	`hide_names` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `classes_code_uq` ON `classes` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `classes_teacher_uq` ON `classes` (`teacher_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `classes_board_uq` ON `classes` (`board_id`);--> statement-breakpoint
CREATE INDEX `classes_created_idx` ON `classes` (`created_at`);--> statement-breakpoint
CREATE TABLE `students` (
	`attempt_id` text PRIMARY KEY NOT NULL,
	`class_id` text NOT NULL,
	`owner_hash` text NOT NULL,
	`nickname` text NOT NULL,
	`nickname_key` text NOT NULL,
	`extra_time` integer DEFAULT false NOT NULL,
	`joined_at` integer NOT NULL,
	FOREIGN KEY (`class_id`) REFERENCES `classes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `students_class_nickname_uq` ON `students` (`class_id`,`nickname_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `students_class_owner_uq` ON `students` (`class_id`,`owner_hash`);--> statement-breakpoint
DROP INDEX `attempts_bank_rank_idx`;--> statement-breakpoint
ALTER TABLE `attempts` ADD `class_id` text;--> statement-breakpoint
CREATE INDEX `attempts_class_rank_idx` ON `attempts` (`class_id`,"score" desc,`time_ms`) WHERE class_id is not null;--> statement-breakpoint
CREATE INDEX `attempts_bank_rank_idx` ON `attempts` (`bank_id`,"score" desc,`time_ms`) WHERE finished_at is not null and class_id is null;