-- What the mail workers, the bounce import and the public unsubscribe page may do, and nothing
-- more: SECURITY DEFINER functions over the deliveries (see 1000).

-- Each delivery's Message-ID, stable across retries: mailing and delivery ids and a random part,
-- so that nobody can forge a bounce for someone else's message by counting.
CREATE FUNCTION humas.deliveries_set_message_id() RETURNS trigger
LANGUAGE plpgsql SET search_path = humas, public, pg_temp AS $$
BEGIN
    NEW.message_id := format('humas.%s.%s.%s@%s', NEW.mailing_id, NEW.id,
        substr(md5(gen_random_uuid()::text), 1, 12), NEW.message_id);
    RETURN NEW;
END $$;
-- The INSERT passes the sender's domain in message_id; the trigger completes it.
CREATE TRIGGER deliveries_message_id BEFORE INSERT ON humas.deliveries
    FOR EACH ROW EXECUTE FUNCTION humas.deliveries_set_message_id();

-- Which of `addresses` are suppressed. Used when a mailing starts.
CREATE FUNCTION humas.suppressed_addresses(addresses text[]) RETURNS text[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = humas, public, pg_temp
AS $$ SELECT coalesce(array_agg(s.address), '{}') FROM humas.suppressions s WHERE s.address = ANY (addresses) $$;

CREATE FUNCTION humas.unsubscribe_secret() RETURNS bytea
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = humas, pg_temp
AS $$ SELECT s.secret FROM humas.unsubscribe_secret s $$;

-- Claims up to `batch_size` deliveries for `worker`: lapsed leases first, then due queued rows
-- of mailings that are sending, of the units unit_lo..unit_hi (a worker may serve one subtree,
-- a province with a relay of its own; by default every unit). Each gets a send slot that honours its mailing's rate and the
-- overall rate (`overall_per_minute`, 0 for none): the worker sends it no earlier. Claimers take
-- turns (an advisory lock), so slots from two workers never overlap. A claim counts as an
-- attempt (a message that crashes its worker every time stops at the retry limit); a release
-- gives the attempt back.
CREATE FUNCTION humas.mail_claim(worker text, batch_size int, lease_seconds int, overall_per_minute int,
                                 unit_lo int DEFAULT 1, unit_hi int DEFAULT 2147483647)
RETURNS TABLE (delivery_id bigint, mailing_id bigint, message_id text, address text, merge_fields jsonb,
               attempts int, send_at timestamptz)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = humas, public, pg_temp AS $$
#variable_conflict use_column
DECLARE
    overall_gap interval := CASE WHEN overall_per_minute > 0 THEN interval '60 seconds' / overall_per_minute
                                 ELSE interval '0' END;
    horizon timestamptz := clock_timestamp() + make_interval(secs => lease_seconds / 2.0);
    overall_slot timestamptz;
    mailing_slots jsonb := '{}';
    claimed bigint[];
    candidate record;
    slot timestamptz;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('humas.mail_claim'));
    SELECT t.next_slot_at INTO overall_slot FROM humas.mail_throttle t FOR UPDATE;
    overall_slot := greatest(overall_slot, clock_timestamp());
    claimed := ARRAY(
        SELECT d.id FROM humas.deliveries d JOIN humas.mailings m ON m.id = d.mailing_id
        WHERE d.status = 'sending' AND d.lease_until < now() AND m.status = 'sending'
          AND d.unit_id BETWEEN unit_lo AND unit_hi
        ORDER BY d.lease_until
        LIMIT batch_size
        FOR UPDATE OF d SKIP LOCKED);
    claimed := claimed || ARRAY(
        SELECT d.id FROM humas.deliveries d JOIN humas.mailings m ON m.id = d.mailing_id
        WHERE d.status = 'queued' AND d.next_attempt_at <= now() AND m.status = 'sending'
          AND d.unit_id BETWEEN unit_lo AND unit_hi
        ORDER BY d.next_attempt_at, d.id
        LIMIT batch_size - cardinality(claimed)
        FOR UPDATE OF d SKIP LOCKED);
    FOR candidate IN
        SELECT d.id, d.mailing_id, m.rate_per_minute, m.next_slot_at
        FROM unnest(claimed) WITH ORDINALITY c(id, position)
        JOIN humas.deliveries d ON d.id = c.id
        JOIN humas.mailings m ON m.id = d.mailing_id
        ORDER BY c.position
    LOOP
        slot := greatest(overall_slot, coalesce((mailing_slots ->> candidate.mailing_id::text)::timestamptz,
                                                candidate.next_slot_at));
        EXIT WHEN slot > horizon;
        IF candidate.rate_per_minute IS NOT NULL THEN
            mailing_slots := mailing_slots || jsonb_build_object(candidate.mailing_id::text,
                slot + interval '60 seconds' / candidate.rate_per_minute);
        ELSE
            mailing_slots := mailing_slots || jsonb_build_object(candidate.mailing_id::text, slot);
        END IF;
        overall_slot := slot + overall_gap;
        UPDATE humas.deliveries d
           SET status = 'sending', leased_by = worker, send_at = slot,
               lease_until = slot + make_interval(secs => lease_seconds), attempts = d.attempts + 1
         WHERE d.id = candidate.id
        RETURNING d.id, d.mailing_id, d.message_id, d.address, d.merge_fields, d.attempts, d.send_at
             INTO delivery_id, mailing_id, message_id, address, merge_fields, attempts, send_at;
        RETURN NEXT;
    END LOOP;
    UPDATE humas.mail_throttle SET next_slot_at = overall_slot;
    UPDATE humas.mailings m SET next_slot_at = (s.value #>> '{}')::timestamptz
      FROM jsonb_each(mailing_slots) s
     WHERE m.id = s.key::bigint;
END $$;

-- A mailing is sent once nothing of it is queued or in flight (`pending`, kept by the functions
-- below and by the service's start, cancel and retry, which change what is pending).
CREATE FUNCTION humas.mail_finish_if_done(mailing bigint) RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = humas, public, pg_temp AS $$
    UPDATE humas.mailings m SET status = 'sent', finished_at = now()
     WHERE m.id = mailing AND m.status = 'sending' AND m.pending <= 0
$$;

-- Records what the SMTP server answered for one delivery at `happened_at`. `outcome`: 'sent',
-- 'temporary' (retried after retry_base_seconds · 2^(attempts-1), failed once attempts reach
-- max_attempts) or 'permanent' (failed at once). A message the server accepted is recorded as sent whatever
-- happened to the delivery meanwhile (a lapsed lease, a cancel): that is what happened.
CREATE FUNCTION humas.mail_record(worker text, delivery bigint, outcome text, reply text,
                                  max_attempts int, retry_base_seconds int, happened_at timestamptz DEFAULT now())
RETURNS text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = humas, public, pg_temp AS $$
DECLARE
    result text;
    mailing bigint;
    was_pending boolean;
BEGIN
    SELECT d.status IN ('queued', 'sending') INTO was_pending FROM humas.deliveries d WHERE d.id = delivery FOR UPDATE;
    IF outcome = 'sent' THEN
        UPDATE humas.deliveries d
           SET status = 'sent', sent_at = happened_at, last_reply = left(reply, 1000), leased_by = NULL, lease_until = NULL
         WHERE d.id = delivery AND d.status NOT IN ('sent', 'bounced', 'skipped')
        RETURNING d.status, d.mailing_id INTO result, mailing;
    ELSIF outcome IN ('temporary', 'permanent') THEN
        UPDATE humas.deliveries d
           SET status = CASE WHEN outcome = 'permanent' OR d.attempts >= max_attempts THEN 'failed' ELSE 'queued' END,
               failed_at = CASE WHEN outcome = 'permanent' OR d.attempts >= max_attempts THEN happened_at END,
               next_attempt_at = happened_at + make_interval(secs => retry_base_seconds * 2 ^ greatest(d.attempts - 1, 0)),
               last_reply = left(reply, 1000), leased_by = NULL, lease_until = NULL
         WHERE d.id = delivery AND d.status = 'sending' AND d.leased_by = worker
        RETURNING d.status, d.mailing_id INTO result, mailing;
    ELSE
        RAISE EXCEPTION 'unknown outcome %', outcome;
    END IF;
    IF mailing IS NOT NULL AND was_pending AND result IN ('sent', 'failed') THEN
        UPDATE humas.mailings m SET pending = m.pending - 1 WHERE m.id = mailing;
        PERFORM humas.mail_finish_if_done(mailing);
    END IF;
    RETURN result;
END $$;

-- Several outcomes in one transaction, in order: a worker records what it sent in groups (one
-- WAL flush for the group instead of one a message, which capped a worker near 400 messages/s).
-- A worker that dies before recording a group sends it again: at most one batch twice.
CREATE FUNCTION humas.mail_record_many(worker text, deliveries bigint[], outcomes text[], replies text[],
                                       times timestamptz[], max_attempts int, retry_base_seconds int)
RETURNS int
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = humas, public, pg_temp AS $$
BEGIN
    FOR i IN 1 .. coalesce(cardinality(deliveries), 0) LOOP
        PERFORM humas.mail_record(worker, deliveries[i], outcomes[i], replies[i], max_attempts, retry_base_seconds, times[i]);
    END LOOP;
    RETURN coalesce(cardinality(deliveries), 0);
END $$;

-- Gives back deliveries `worker` claimed but did not send (shutdown, SMTP server unreachable),
-- due again after `delay_seconds`; the claim's attempt does not count.
CREATE FUNCTION humas.mail_release(worker text, deliveries bigint[], delay_seconds int) RETURNS int
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = humas, public, pg_temp AS $$
    WITH released AS (
        UPDATE humas.deliveries d
           SET status = 'queued', attempts = greatest(d.attempts - 1, 0), leased_by = NULL, lease_until = NULL,
               send_at = NULL, next_attempt_at = now() + make_interval(secs => delay_seconds)
         WHERE d.id = ANY (deliveries) AND d.status = 'sending' AND d.leased_by = worker
        RETURNING 1)
    SELECT count(*)::int FROM released
$$;

-- What a worker needs to render a mailing's messages.
CREATE FUNCTION humas.mail_content(mailing bigint)
RETURNS TABLE (id bigint, status text, from_address text, from_name text, reply_to text, subject_template text,
               text_template text, html_template text, unit_name text, time_zone text, updated_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = humas, public, pg_temp AS $$
    SELECT m.id, m.status, m.from_address, m.from_name, m.reply_to, m.subject_template, m.text_template,
           m.html_template, u.name, u.time_zone, m.updated_at
    FROM humas.mailings m JOIN humas.units u ON u.id = m.unit_id
    WHERE m.id = mailing
$$;

CREATE FUNCTION humas.mail_attachments(mailing bigint)
RETURNS TABLE (filename text, content_type text, data bytea)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = humas, public, pg_temp AS $$
    SELECT a.filename, a.content_type, a.data FROM humas.mailing_attachments a WHERE a.mailing_id = mailing ORDER BY a.id
$$;

-- Scheduled mailings whose time has come, with the user who scheduled them (their audience is
-- resolved as that user, by the same code as `humas mailing send`).
CREATE FUNCTION humas.mail_due_mailings(unit_lo int DEFAULT 1, unit_hi int DEFAULT 2147483647)
RETURNS TABLE (mailing_id bigint, sent_by bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = humas, public, pg_temp AS $$
    SELECT m.id, m.sent_by FROM humas.mailings m
    WHERE m.status = 'scheduled' AND m.scheduled_at <= now() AND m.deleted_at IS NULL
      AND m.unit_id BETWEEN unit_lo AND unit_hi
    ORDER BY m.scheduled_at
$$;

-- When an idle worker next has something to do: the earliest due retry, lapsing lease or
-- scheduled start (NULL: nothing until a NOTIFY). It sleeps on LISTEN until then.
CREATE FUNCTION humas.mail_next_due(unit_lo int DEFAULT 1, unit_hi int DEFAULT 2147483647) RETURNS timestamptz
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = humas, public, pg_temp AS $$
    SELECT least(
        (SELECT min(d.next_attempt_at) FROM humas.deliveries d JOIN humas.mailings m ON m.id = d.mailing_id
         WHERE d.status = 'queued' AND m.status = 'sending' AND d.unit_id BETWEEN unit_lo AND unit_hi),
        (SELECT min(d.lease_until) FROM humas.deliveries d JOIN humas.mailings m ON m.id = d.mailing_id
         WHERE d.status = 'sending' AND m.status = 'sending' AND d.unit_id BETWEEN unit_lo AND unit_hi),
        (SELECT min(m.scheduled_at) FROM humas.mailings m WHERE m.status = 'scheduled' AND m.unit_id BETWEEN unit_lo AND unit_hi))
$$;

-- The units a worker started with `--under CODE` serves (the worker acts for no user, and the
-- units' policy wants one): that unit and its subtree.
CREATE FUNCTION humas.mail_unit_subtree(code text) RETURNS TABLE (unit_lo int, unit_hi int)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = humas, public, pg_temp AS $$
    SELECT u.id, u.subtree_end FROM humas.units u WHERE u.code = upper(btrim(mail_unit_subtree.code))
$$;

-- A scheduled mailing that could not start goes back to draft, saying why.
CREATE FUNCTION humas.mail_schedule_failed(mailing bigint, problem text) RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = humas, public, pg_temp AS $$
    UPDATE humas.mailings m SET status = 'draft', last_error = left(problem, 1000) WHERE m.id = mailing AND m.status = 'scheduled'
$$;

-- The public unsubscribe page (no login; the caller has verified the link's signature): the
-- recipient's address and the sending office, and, when `confirm`, the opt-out recorded on the
-- contact (every later mailing skips them) and on the delivery.
CREATE FUNCTION humas.mail_unsubscribe(delivery bigint, confirm boolean)
RETURNS TABLE (address text, unit_name text, opted_out_at timestamptz)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = humas, public, pg_temp AS $$
#variable_conflict use_column
BEGIN
    IF confirm THEN
        UPDATE humas.contacts c SET opted_out_at = coalesce(c.opted_out_at, now())
          FROM humas.deliveries d WHERE d.id = delivery AND c.id = d.contact_id;
        UPDATE humas.deliveries d SET unsubscribed_at = coalesce(d.unsubscribed_at, now()) WHERE d.id = delivery;
    END IF;
    RETURN QUERY
        SELECT d.address, u.name, c.opted_out_at
        FROM humas.deliveries d
        JOIN humas.units u ON u.id = d.unit_id
        LEFT JOIN humas.contacts c ON c.id = d.contact_id
        WHERE d.id = delivery;
END $$;

-- A delivery-status report for one of the caller's deliveries (matched by Message-ID, within
-- the caller's subtree, by an editor or admin): a permanent failure bounces the delivery and
-- suppresses its address; a delay is counted. Returns the delivery id, or NULL if unmatched.
CREATE FUNCTION humas.mail_record_bounce(message text, permanent boolean, status_code text, detail text) RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = humas, public, pg_temp AS $$
DECLARE
    matched bigint;
    bounced_address text;
BEGIN
    SELECT d.id, d.address INTO matched, bounced_address FROM humas.deliveries d
    WHERE d.message_id = message
      AND humas.unit_writable(d.unit_id, humas.acting_unit_id(), humas.acting_subtree_end(), humas.acting_role(), '{admin,editor}');
    IF matched IS NULL THEN
        RETURN NULL;
    END IF;
    IF permanent THEN
        UPDATE humas.deliveries d
           SET status = CASE WHEN d.status IN ('sent', 'failed', 'sending') THEN 'bounced' ELSE d.status END,
               bounced_at = coalesce(d.bounced_at, now()), last_reply = left(status_code || ' ' || coalesce(detail, ''), 1000)
         WHERE d.id = matched;
        INSERT INTO humas.suppressions (address, reason, detail, delivery_id)
        VALUES (lower(btrim(bounced_address)), 'bounce', left(status_code || ' ' || coalesce(detail, ''), 1000), matched)
        ON CONFLICT (address) DO NOTHING;
    ELSE
        UPDATE humas.deliveries d SET delay_reports = d.delay_reports + 1 WHERE d.id = matched;
    END IF;
    RETURN matched;
END $$;

REVOKE ALL ON FUNCTION humas.suppressed_addresses(text[]), humas.unsubscribe_secret(),
    humas.mail_claim(text, int, int, int, int, int), humas.mail_finish_if_done(bigint),
    humas.mail_record(text, bigint, text, text, int, int, timestamptz), humas.mail_record_many(text, bigint[], text[], text[], timestamptz[], int, int),
    humas.mail_release(text, bigint[], int),
    humas.mail_content(bigint), humas.mail_attachments(bigint), humas.mail_due_mailings(int, int), humas.mail_schedule_failed(bigint, text), humas.mail_next_due(int, int), humas.mail_unit_subtree(text),
    humas.mail_unsubscribe(bigint, boolean), humas.mail_record_bounce(text, boolean, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION humas.suppressed_addresses(text[]), humas.unsubscribe_secret(),
    humas.mail_claim(text, int, int, int, int, int), humas.mail_finish_if_done(bigint),
    humas.mail_record(text, bigint, text, text, int, int, timestamptz), humas.mail_record_many(text, bigint[], text[], text[], timestamptz[], int, int),
    humas.mail_release(text, bigint[], int),
    humas.mail_content(bigint), humas.mail_attachments(bigint), humas.mail_due_mailings(int, int), humas.mail_schedule_failed(bigint, text), humas.mail_next_due(int, int), humas.mail_unit_subtree(text),
    humas.mail_unsubscribe(bigint, boolean), humas.mail_record_bounce(text, boolean, text, text) TO humas_app;

-- A contact's merge fields for a mailing (see Sources/Humas/Mailings/MergeFields.swift): name,
-- honorific (sapaan), and title and organization of the current affiliation. SECURITY INVOKER:
-- read with the caller's own view of the directory.
CREATE FUNCTION humas.contact_merge_fields(contact bigint) RETURNS jsonb
LANGUAGE sql STABLE PARALLEL SAFE SET search_path = humas, public, pg_temp
RETURN (
    SELECT jsonb_strip_nulls(jsonb_build_object('nama', c.full_name, 'sapaan', c.honorific, 'jabatan', aff.title,
                                                'organisasi', o.name))
    FROM humas.contacts c
    LEFT JOIN LATERAL (
        SELECT f.title, f.organization_id FROM humas.affiliations f
        WHERE f.contact_id = c.id AND f.deleted_at IS NULL AND f.ended_on IS NULL
        ORDER BY f.started_on DESC NULLS LAST, f.id DESC LIMIT 1) aff ON true
    LEFT JOIN humas.organizations o ON o.id = aff.organization_id
    WHERE c.id = contact);
GRANT EXECUTE ON FUNCTION humas.contact_merge_fields(bigint) TO humas_app;
