-- Who the young person would rather meet ("can it be with a woman"), as they asked: 'woman' or
-- 'man', never their words. Null when they did not say, and before.
alter table booking add column if not exists worker_wish text check (worker_wish in ('woman', 'man'));
