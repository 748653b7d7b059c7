ALTER TABLE `classes` ADD `closes_at` integer;--> statement-breakpoint
ALTER TABLE `classes` ADD `closes_zone` text;