-- The PMO's starting offer: services for requests and topics for invitations. Leads edit,
-- add and retire them in the app; this file only runs once.

INSERT INTO services (slug, name, description, sort_order) VALUES
  ('tools-templates', 'Tools & templates', 'Ready-to-use tools, templates and checklists adapted to your project.', 10),
  ('executive-coaching', 'Executive coaching', 'One-to-one coaching for leaders sponsoring or steering change.', 20),
  ('training-mentoring', 'Training & mentoring', 'Workshops, courses and mentoring for teams and individuals.', 30),
  ('organisational-design', 'Organisational design', 'Shape teams, roles and decision paths around the value to deliver.', 40),
  ('change-management', 'Change management', 'Plan and support the people side of a change.', 50),
  ('standards-development', 'Standards development', 'Develop and introduce standards that teams actually want to use.', 60),
  ('stakeholder-management', 'Stakeholder management', 'Map, engage and keep stakeholders aligned.', 70),
  ('organisational-learning', 'Organisational learning', 'Retrospectives and lessons learned that travel between teams.', 80),
  ('specialised-task', 'Specialised task', 'A specific piece of expert work the project cannot staff itself.', 90),
  ('something-else', 'Something else', 'Not in the list? Tell us what value you are after.', 100);

INSERT INTO topics (slug, name, description, sort_order) VALUES
  ('executive-coaching', 'Executive coaching', 'Coaching offers for leaders and sponsors.', 10),
  ('team-coaching', 'Team coaching', 'Coaching sessions for whole teams.', 20),
  ('training-workshops', 'Training & workshops', 'Upcoming trainings and hands-on workshops.', 30),
  ('mentoring', 'Mentoring', 'Mentoring programmes and mentor matching.', 40),
  ('communities-of-practice', 'Communities of practice', 'Meet-ups of people who share a craft.', 50),
  ('change-clinics', 'Change management clinics', 'Drop-in clinics for a change you are leading.', 60),
  ('templates-tools-news', 'Templates & tools news', 'New and improved templates and tools.', 70),
  ('lessons-learned', 'Lessons-learned sessions', 'Sessions where projects share what they learned.', 80);
