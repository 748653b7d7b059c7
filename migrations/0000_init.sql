CREATE TABLE `answers` (
	`attempt_id` text NOT NULL,
	`position` integer NOT NULL,
	`question_id` text NOT NULL,
	`response` text NOT NULL,
	`credit` real NOT NULL,
	`time_ms` integer NOT NULL,
	`points` integer NOT NULL,
	`answered_at` integer NOT NULL,
	PRIMARY KEY(`attempt_id`, `position`),
	FOREIGN KEY (`attempt_id`) REFERENCES `attempts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `attempts` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_hash` text NOT NULL,
	`bank_id` text NOT NULL,
	`plan` text NOT NULL,
	`cursor` integer DEFAULT 0 NOT NULL,
	`answered` integer DEFAULT 0 NOT NULL,
	`score` integer DEFAULT 0 NOT NULL,
	`correct` integer DEFAULT 0 NOT NULL,
	`time_ms` integer DEFAULT 0 NOT NULL,
	`started_at` integer NOT NULL,
	`shown_at` integer NOT NULL,
	`finished_at` integer,
	`nickname` text
);
--> statement-breakpoint
CREATE INDEX `attempts_bank_rank_idx` ON `attempts` (`bank_id`,"score" desc,`time_ms`) WHERE finished_at is not null;--> statement-breakpoint
CREATE INDEX `attempts_owner_idx` ON `attempts` (`owner_hash`,`bank_id`);