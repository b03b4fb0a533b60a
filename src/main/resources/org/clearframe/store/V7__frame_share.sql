-- Schema version with the AI share of the frame: how much of the picture an AI use's output covers, as a whole
-- percentage, where the producer recorded it (NULL: not recorded). A disclosure fact for the evidence pack.
ALTER TABLE ai_use ADD COLUMN frame_share_percent INTEGER CHECK (frame_share_percent IS NULL OR (frame_share_percent BETWEEN 0 AND 100));
