/** The client project's globalSetup: both client builds, made once (see builds.ts); bundle.test.ts reads them. */
import { ensureBuild } from "./builds";

export default async function setup(): Promise<void> {
  await ensureBuild("production");
  await ensureBuild("test");
}
