-- The usage period containing a moment, for a meter that resets every day, week, month or
-- year counted from its subscription's start: the same periods as
-- src/server/sources/billingPeriod.ts (test/store/usagePeriodSql.test.ts holds them equal).
-- It lets a customer's record carry each grant's current usage, so the record and the usage
-- are one statement. Period n runs from anchor + n steps to anchor + (n + 1) steps, and
-- PostgreSQL adds months as calendars do (Jan 31 + 1 month = Feb 28), as date-fns does.
-- A moment before the anchor is in period 0.
-- No FROM clause, so that PostgreSQL inlines it into the statement (a function it has to
-- call cost about 50 µs a row).
CREATE FUNCTION app_usage_period_index(anchor timestamp, period text, at timestamp) RETURNS int
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT greatest(0, CASE period
    WHEN 'day' THEN floor(extract(epoch FROM at - anchor) / 86400)
    WHEN 'week' THEN floor(extract(epoch FROM at - anchor) / 604800)
    WHEN 'month' THEN
      ((extract(year FROM at) - extract(year FROM anchor)) * 12 + extract(month FROM at) - extract(month FROM anchor))
      - CASE WHEN anchor + make_interval(months => ((extract(year FROM at) - extract(year FROM anchor)) * 12
                    + extract(month FROM at) - extract(month FROM anchor))::int) > at THEN 1 ELSE 0 END
    WHEN 'year' THEN
      (extract(year FROM at) - extract(year FROM anchor))
      - CASE WHEN anchor + make_interval(years => (extract(year FROM at) - extract(year FROM anchor))::int) > at THEN 1 ELSE 0 END
  END)::int
$$
;

-- Start and end of that period.
CREATE FUNCTION app_usage_period_bound(anchor timestamp, period text, n int) RETURNS timestamp
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT anchor + CASE period
    WHEN 'day' THEN make_interval(days => n)
    WHEN 'week' THEN make_interval(weeks => n)
    WHEN 'month' THEN make_interval(months => n)
    WHEN 'year' THEN make_interval(years => n)
  END
$$
;
