import { createAuditReader } from './modules/audit/audit.reader';
import { createAuthService } from './modules/auth/auth.service';
import { createDemoService } from './modules/demo/demo.service';
import { createEvaluationService } from './modules/evaluation/evaluation.service';
import { createEvaluationViews } from './modules/evaluation/evaluation-views.service';
import { createFrameworksService } from './modules/frameworks/frameworks.service';
import { createOrgService } from './modules/org/org.service';
import { createPeopleService } from './modules/people/people.service';
import type { Config } from './platform/config';
import type { Db } from './platform/db/database';
import type { Mailer } from './platform/mail/mailer';

/** Every service, wired once; the HTTP routes and the CLI both call these, never the database. */
export function createServices(db: Db, config: Config, mailer: Mailer) {
  const auth = createAuthService(db, config, mailer);
  const frameworks = createFrameworksService(db);
  const evaluation = createEvaluationService(db);
  return {
    auth,
    org: createOrgService(db),
    people: createPeopleService(db, auth),
    audit: createAuditReader(db),
    demo: createDemoService(db, { evaluation, frameworks }),
    frameworks,
    evaluation,
    evaluationViews: createEvaluationViews(db),
  };
}

export type Services = ReturnType<typeof createServices>;
