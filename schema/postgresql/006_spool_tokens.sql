-- A spool written back from this store (fleet restore-spool) gets a new token, so that the spool
-- it replaces, if a writer still ships it somewhere, is refused at its next batch instead of
-- going on beside the copy: two spools of one number would each take the other's changes for
-- shipped ones, and rows would be lost without a word.
--
-- A writer may not change a token (002 grants it shipped_seq and shipped_at only), so this is
-- the database's to do, for the role that registered the spool and for nobody else. The caller
-- is session_user: inside the function, current_user is the schema's owner.
CREATE FUNCTION renew_spool_token(spool_id bigint) RETURNS uuid
LANGUAGE sql SECURITY DEFINER
SET search_path = svirt_trace, pg_temp
AS $$
    UPDATE svirt_trace.spools SET token = gen_random_uuid()
    WHERE id = spool_id AND made_by = session_user
    RETURNING token;
$$;
REVOKE ALL ON FUNCTION renew_spool_token(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION renew_spool_token(bigint) TO svirt_trace_writer;
