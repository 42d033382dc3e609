export interface ModelGeneratorSchema {
  name: string;
  owner: string;
  skipFormat?: boolean;
}
