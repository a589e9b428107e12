import { z } from 'zod';

/**
 * The parts of Postman Collection Format v2.1.0 the importer reads
 * (https://schema.getpostman.com/json/collection/v2.1.0/collection.json). Unknown keys are
 * ignored; where the format allows a string or an object (url, header, description, request),
 * both are accepted, as Postman itself writes both.
 */

/** Values in auth attribute lists and variables may be strings, numbers or booleans. */
const Scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

const AuthAttribute = z.object({
  key: z.string(),
  value: Scalar.optional(),
  type: z.string().optional(),
});

export const PostmanAuthSchema = z.object({
  type: z.string(),
  basic: z.array(AuthAttribute).optional(),
  bearer: z.array(AuthAttribute).optional(),
  apikey: z.array(AuthAttribute).optional(),
  oauth2: z.array(AuthAttribute).optional(),
});
export type PostmanAuth = z.infer<typeof PostmanAuthSchema>;

export const PostmanVariableSchema = z.object({
  key: z.string().optional(),
  id: z.string().optional(),
  value: Scalar.optional(),
  type: z.string().optional(),
  disabled: z.boolean().optional(),
});
export type PostmanVariable = z.infer<typeof PostmanVariableSchema>;

const Script = z.object({
  exec: z.union([z.string(), z.array(z.string())]).optional(),
});
export const PostmanEventSchema = z.object({
  listen: z.string(),
  script: Script.optional(),
  disabled: z.boolean().optional(),
});
export type PostmanEvent = z.infer<typeof PostmanEventSchema>;

const KeyValue = z.object({
  key: z.string().nullable().optional(),
  value: z.string().nullable().optional(),
  disabled: z.boolean().optional(),
});

const Header = z.object({
  key: z.string(),
  value: z.string().nullable().optional(),
  disabled: z.boolean().optional(),
});

const FormField = z.object({
  key: z.string(),
  value: z.string().nullable().optional(),
  type: z.string().optional(),
  src: z.unknown().optional(),
  disabled: z.boolean().optional(),
});

export const PostmanUrlSchema = z.object({
  raw: z.string().optional(),
  protocol: z.string().optional(),
  host: z.union([z.string(), z.array(z.string())]).optional(),
  port: z.string().optional(),
  path: z
    .union([z.string(), z.array(z.union([z.string(), z.object({ value: z.string().optional() })]))])
    .optional(),
  query: z.array(KeyValue).optional(),
  hash: z.string().optional(),
  variable: z.array(PostmanVariableSchema).optional(),
});
export type PostmanUrl = z.infer<typeof PostmanUrlSchema>;

export const PostmanBodySchema = z.object({
  mode: z.string().optional(),
  raw: z.string().optional(),
  urlencoded: z.array(KeyValue).optional(),
  formdata: z.array(FormField).optional(),
  graphql: z.object({ query: z.string().optional(), variables: z.string().optional() }).optional(),
  options: z.object({ raw: z.object({ language: z.string().optional() }).optional() }).optional(),
  disabled: z.boolean().optional(),
});
export type PostmanBody = z.infer<typeof PostmanBodySchema>;

const Description = z.union([z.string(), z.object({ content: z.string().optional() }), z.null()]);

export const PostmanRequestSchema = z.object({
  url: z.union([z.string(), PostmanUrlSchema]).optional(),
  method: z.string().optional(),
  header: z.union([z.array(Header), z.string()]).optional(),
  body: PostmanBodySchema.nullable().optional(),
  auth: PostmanAuthSchema.nullable().optional(),
  description: Description.optional(),
});
export type PostmanRequest = z.infer<typeof PostmanRequestSchema>;

/** A request (has `request`) or a folder (has `item`): the format's Item and Item Group. */
export interface PostmanItem {
  name?: string | undefined;
  item?: PostmanItem[] | undefined;
  request?: PostmanRequest | string | undefined;
  auth?: PostmanAuth | null | undefined;
  event?: PostmanEvent[] | undefined;
  variable?: PostmanVariable[] | undefined;
  description?: z.infer<typeof Description> | undefined;
}

export const PostmanItemSchema: z.ZodType<PostmanItem> = z.lazy(() =>
  z.object({
    name: z.string().optional(),
    item: z.array(PostmanItemSchema).optional(),
    request: z.union([PostmanRequestSchema, z.string()]).optional(),
    auth: PostmanAuthSchema.nullable().optional(),
    event: z.array(PostmanEventSchema).optional(),
    variable: z.array(PostmanVariableSchema).optional(),
    description: Description.optional(),
  }),
);

export const PostmanCollectionSchema = z.object({
  info: z.object({
    name: z.string(),
    schema: z.string(),
  }),
  item: z.array(PostmanItemSchema),
  auth: PostmanAuthSchema.nullable().optional(),
  event: z.array(PostmanEventSchema).optional(),
  variable: z.array(PostmanVariableSchema).optional(),
});
export type PostmanCollection = z.infer<typeof PostmanCollectionSchema>;

export type PostmanDescription = z.infer<typeof Description>;
